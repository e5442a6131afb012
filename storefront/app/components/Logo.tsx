/** Brand mark: an eye in a speech bubble. Decorative; the surrounding link carries the name. */
export function Logo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 48 48" className={className} aria-hidden="true" focusable="false">
      <path d="M24 3A21 19 0 1 1 15.1 39.2L5 45l2.9-10.8A21 19 0 0 1 24 3z" fill="#ffcc00" />
      <path
        d="M10 22Q24 8 38 22Q24 36 10 22z"
        fill="#fff"
        stroke="#0b3a75"
        strokeWidth="2.5"
        strokeLinejoin="round"
      />
      <circle cx="24" cy="22" r="6.5" fill="#0b3a75" />
      <circle cx="24" cy="22" r="2.8" fill="#071a33" />
      <circle cx="26.2" cy="19.8" r="1.5" fill="#fff" />
    </svg>
  );
}
