/**
 * A group's printable poster: A4 PDF with the group's name and place, the SAAR rules in
 * short (112, 101 in Belgium) and a QR code to the group's public page, for neighbours
 * who are not in the group yet. Never the WhatsApp invite link: only the shop's own
 * page. pdfkit is the shop's PDF library (the invoice uses it too); its built-in
 * Helvetica covers Dutch text (WinAnsi), so no font files are shipped. The QR code
 * (`qrcode`) is drawn as vector squares, sharp at any print size.
 */
import PDFDocument from "pdfkit";
import QRCode from "qrcode";

export type PosterGroup = { name: string; woonplaats: string; gemeente: string };

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 48;
const BLUE = "#0b3a75";
const YELLOW = "#f5c400";

export const SAAR_STEPS: [letter: string, title: string, text: string][] = [
  ["S", "Signaleer", "Zie of hoor je iets wat niet klopt? Let op wat iemand doet, het signalement, het voertuig en het kenteken."],
  ["A", "Alarmeer", "Bel 112, ook bij twijfel. In België bel je 101."],
  ["A", "App de groep", "Meld daarna kort in de groep wat je zag, waar en hoe laat, en dat 112 is gebeld."],
  ["R", "Reageer", "Alleen als het veilig kan: licht aan, zichtbaar voor het raam. Volg niemand, speel nooit eigen rechter."],
];

const HEADER_TITLE_Y = 66;
const HEADER_SUBTITLE_SIZE = 14;
const HEADER_MIN_HEIGHT = 150;

export type PosterHeaderLayout = { titleSize: number; subtitle: string; subtitleY: number; subtitleHeight: number; height: number };

/**
 * The blue header's layout for `group`, measured with pdfkit: the name's font size (smaller
 * for long names, down to 20 pt until it fits on at most two lines), where the place line
 * goes below it and how tall the band must be to hold both with room to spare.
 */
export function posterHeaderLayout(doc: PDFKit.PDFDocument, group: PosterGroup): PosterHeaderLayout {
  const width = A4.width - 2 * MARGIN;
  doc.font("Helvetica-Bold");
  let titleSize = group.name.length > 32 ? 26 : 32;
  const lineHeight = (size: number) => doc.fontSize(size).heightOfString("M", { width });
  while (titleSize > 20 && doc.fontSize(titleSize).heightOfString(group.name, { width }) > 2.2 * lineHeight(titleSize)) titleSize -= 2;
  const titleHeight = doc.fontSize(titleSize).heightOfString(group.name, { width });
  const subtitle = `${group.woonplaats} · gemeente ${group.gemeente}`;
  doc.font("Helvetica").fontSize(HEADER_SUBTITLE_SIZE);
  const subtitleHeight = doc.heightOfString(subtitle, { width });
  const subtitleY = HEADER_TITLE_Y + titleHeight + 2;
  return { titleSize, subtitle, subtitleY, subtitleHeight, height: Math.max(HEADER_MIN_HEIGHT, Math.ceil(subtitleY + subtitleHeight + 18)) };
}

/** The poster of `group`, with a QR code to `pageUrl` (the group's public page). */
export function renderGroupPoster(group: PosterGroup, pageUrl: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    lang: "nl-NL",
    info: { Title: `Poster ${group.name}`, Subject: `WhatsApp-buurtpreventie ${group.name} in ${group.woonplaats}`, Author: "Buurtpreventie Shop" },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = A4.width - 2 * MARGIN;

  // Header band: grows with the name (which may wrap), so the place line always sits on blue.
  const header = posterHeaderLayout(doc, group);
  doc.rect(0, 0, A4.width, header.height).fill(BLUE);
  doc.fillColor(YELLOW).font("Helvetica-Bold").fontSize(16).text("WHATSAPP BUURTPREVENTIE", MARGIN, 40, { width, characterSpacing: 1 });
  doc.fillColor("#ffffff").font("Helvetica-Bold").fontSize(header.titleSize).text(group.name, MARGIN, HEADER_TITLE_Y, { width });
  doc.font("Helvetica").fontSize(HEADER_SUBTITLE_SIZE).text(header.subtitle, MARGIN, header.subtitleY, { width });

  // SAAR
  let y = header.height + 30;
  doc.fillColor(BLUE).font("Helvetica-Bold").fontSize(20).text("Zie je iets verdachts? Volg SAAR", MARGIN, y, { width });
  y += 36;
  for (const [letter, title, text] of SAAR_STEPS) {
    doc.roundedRect(MARGIN, y, 44, 44, 6).fill(YELLOW);
    doc.fillColor(BLUE).font("Helvetica-Bold").fontSize(28).text(letter, MARGIN, y + 9, { width: 44, align: "center" });
    doc.fillColor("#0f172a").font("Helvetica-Bold").fontSize(15).text(title, MARGIN + 60, y + 2, { width: width - 60 });
    doc.font("Helvetica").fontSize(12).text(text, MARGIN + 60, doc.y + 2, { width: width - 60 });
    y = Math.max(y + 58, doc.y + 14);
  }

  // Emergency numbers
  doc.roundedRect(MARGIN, y, width, 54, 8).fill("#fee2e2");
  doc.fillColor("#7f1d1d").font("Helvetica-Bold").fontSize(18).text("Nood? Bel 112 — in België 101", MARGIN, y + 10, { width, align: "center" });
  doc.font("Helvetica").fontSize(11).text("De WhatsApp-groep vervangt de politie nooit.", MARGIN, y + 34, { width, align: "center" });
  y += 76;

  // QR code to the group's public page
  const qr = QRCode.create(pageUrl, { errorCorrectionLevel: "M" });
  const size = qr.modules.size;
  const quiet = 4;
  const side = 220;
  const cell = side / (size + 2 * quiet);
  const qx = MARGIN;
  doc.rect(qx, y, side, side).fill("#ffffff");
  doc.fillColor("#000000");
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (qr.modules.get(row, col)) doc.rect(qx + (col + quiet) * cell, y + (row + quiet) * cell, cell + 0.02, cell + 0.02);
    }
  }
  doc.fill("#000000");
  const tx = qx + side + 24;
  doc.fillColor(BLUE).font("Helvetica-Bold").fontSize(18).text("Woon je hier en doe je nog niet mee?", tx, y + 14, { width: width - side - 24 });
  doc.fillColor("#0f172a").font("Helvetica").fontSize(12).text(
    "Scan de code: op de pagina van de groep stuur je de beheerder een bericht. De beheerder voegt je toe aan de WhatsApp-groep.",
    tx,
    doc.y + 8,
    { width: width - side - 24 },
  );
  doc.font("Helvetica-Bold").fontSize(11).fillColor(BLUE).text(pageUrl, tx, doc.y + 10, { width: width - side - 24, link: pageUrl });

  doc.fillColor("#475569").font("Helvetica").fontSize(9).text("Buurtpreventie Shop · borden en stickers voor WhatsApp-buurtpreventie", MARGIN, A4.height - MARGIN - 12, {
    width,
    align: "center",
    lineBreak: false,
  });
  doc.end();
  return done;
}
