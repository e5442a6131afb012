import { NavLink } from "@remix-run/react";
import type { Category } from "~/lib/catalogue/catalogue.server";

export function CategoryNav({ categories }: { categories: Category[] }) {
  return (
    <nav aria-label="Categorieën">
      <ul role="list" className="flex flex-wrap gap-2">
        <li>
          <NavLink
            to="/"
            end
            className="inline-block rounded-full border-2 border-brand-blue px-4 py-1.5 font-semibold text-brand-blue aria-[current=page]:bg-brand-blue aria-[current=page]:text-white"
          >
            Alles
          </NavLink>
        </li>
        {categories.map((category) => (
          <li key={category.id}>
            <NavLink
              to={`/winkel/${category.handle}`}
              className="inline-block rounded-full border-2 border-brand-blue px-4 py-1.5 font-semibold text-brand-blue hover:bg-brand-blue-light aria-[current=page]:bg-brand-blue aria-[current=page]:text-white"
            >
              {category.name}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
