import "server-only";
// The report a person brings to someone (a therapist, a friend): one result's five scores with
// their ranges and what each means, the not-a-diagnosis note, and only if they chose so, their
// reflections and practice entries. Made on the server with PDFKit, in DejaVu Sans from this
// folder: nothing is fetched from elsewhere, and any language a person writes in prints.
import path from "node:path";
import PDFDocument from "pdfkit";
import { formatDay } from "@/lib/format";
import type { PracticeGroup, ReflectionGroup } from "@/lib/notes";

export type ReportScore = {
  name: string;
  /** Missing when too few of its questions were answered. */
  shown?: { score: number; rangeText: string; readingText: string };
  /** What the score's band means, from content/quiz/strategies.json. */
  meaning?: string;
};

export type Report = {
  takenOn: Date;
  madeOn: Date;
  /** Highest first, as the results page ranks them. */
  scores: ReportScore[];
  /** Which figures the ranges rest on, in a sentence. */
  basis: string;
  /** Where help is, including crisis lines (the app's /help). */
  helpUrl: string;
  reflections?: ReflectionGroup[];
  practice?: PracticeGroup[];
};

const FONTS = path.join(process.cwd(), "lib", "report", "fonts");
const BODY = path.join(FONTS, "DejaVuSans.ttf");
const BOLD = path.join(FONTS, "DejaVuSans-Bold.ttf");
const INK = "#26221f";
const MUTED = "#5f5850";
const LINE = "#d9d2c7";

/** The PDF, as bytes. */
export function reportPdf(report: Report): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    font: BODY,
    bufferPages: true,
    info: { Title: "My patterns quiz result", Creator: "Drawbridge" },
    lang: "en-GB",
    displayTitle: true,
  });
  doc.registerFont("body", BODY);
  doc.registerFont("bold", BOLD);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const left = doc.page.margins.left;
  const heading = (text: string, size = 15) => {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
    doc.moveDown(1.2).font("bold").fontSize(size).fillColor(INK).text(text, left, doc.y, { width });
    doc.moveDown(0.4);
  };
  const paragraph = (text: string, options: { color?: string; size?: number } = {}) => {
    doc.font("body").fontSize(options.size ?? 10.5).fillColor(options.color ?? INK).text(text, left, doc.y, { width, lineGap: 2.5 });
    doc.moveDown(0.6);
  };
  /** A short bold line (a name, a question, a day) just above what it introduces. */
  const label = (text: string, options: { size?: number; color?: string; indent?: number; gap?: number } = {}) => {
    const indent = options.indent ?? 0;
    doc.font("bold").fontSize(options.size ?? 10.5).fillColor(options.color ?? INK).text(text, left + indent, doc.y, { width: width - indent });
    doc.moveDown(options.gap ?? 0.3);
  };
  const quote = (text: string) => {
    const top = doc.y;
    doc.font("body").fontSize(10.5).fillColor(INK).text(text, left + 14, doc.y, { width: width - 14, lineGap: 2.5 });
    doc.moveTo(left + 3, top).lineTo(left + 3, doc.y).lineWidth(2).strokeColor(LINE).stroke();
    doc.moveDown(0.6);
  };

  doc.font("bold").fontSize(22).fillColor(INK).text("My patterns quiz result", { width });
  doc.moveDown(0.3);
  paragraph(`Taken on ${formatDay(report.takenOn)} with Drawbridge, a self-guided course about pushing closeness away. Made on ${formatDay(report.madeOn)}.`, { color: MUTED, size: 10 });
  paragraph(
    "These scores are signals, not verdicts: they show which protective strategies my answers leaned on at the time. They run from 0 to 100 on the quiz’s own scale, are not percentiles, and don’t compare me with anyone. No quiz measures exactly, so each comes with a likely range; below 40 reads as low, 40 to 64 moderate, 65 and above high.",
  );

  heading("The five scores");
  const columns = [
    { title: "Strategy", x: left, width: width * 0.38 },
    { title: "Score", x: left + width * 0.38, width: width * 0.12 },
    { title: "Likely range", x: left + width * 0.5, width: width * 0.2 },
    { title: "Reads as", x: left + width * 0.7, width: width * 0.3 },
  ];
  const row = (cells: string[], font: "body" | "bold") => {
    const top = doc.y;
    let bottom = top;
    doc.font(font).fontSize(10.5).fillColor(INK);
    cells.forEach((cell, index) => {
      doc.text(cell, columns[index]!.x, top, { width: columns[index]!.width - 8 });
      bottom = Math.max(bottom, doc.y);
    });
    doc.moveTo(left, bottom + 4).lineTo(left + width, bottom + 4).lineWidth(0.75).strokeColor(LINE).stroke();
    doc.x = left;
    doc.y = bottom + 9;
  };
  row(columns.map((column) => column.title), "bold");
  for (const score of report.scores) {
    row(score.shown ? [score.name, String(score.shown.score), score.shown.rangeText, score.shown.readingText] : [score.name, "–", "–", "not enough answers"], "body");
  }
  doc.moveDown(0.4);
  paragraph(report.basis, { color: MUTED, size: 9.5 });

  heading("What each score means");
  for (const score of report.scores) {
    if (!score.meaning) continue;
    if (doc.y > doc.page.height - doc.page.margins.bottom - 60) doc.addPage();
    label(score.name, { size: 11, gap: 0.2 });
    paragraph(score.meaning);
  }

  heading("A reflection tool, not a diagnosis");
  paragraph(
    `This quiz can’t diagnose anything, and a score is only a snapshot of how things felt at the time. If any of this stirs up more than can be held alone, talking to someone trusted or a professional helps. Help, including crisis lines: ${report.helpUrl}`,
  );

  if (report.reflections) {
    heading("My reflections");
    if (report.reflections.length === 0) paragraph("No reflections written yet.", { color: MUTED });
    for (const group of report.reflections) {
      heading(group.title, 12);
      for (const reflection of group.reflections) {
        if (reflection.prompt) label(reflection.prompt);
        quote(reflection.text);
      }
    }
  }

  if (report.practice) {
    heading("My practice log");
    if (report.practice.length === 0) paragraph("No practice entries yet.", { color: MUTED });
    for (const group of report.practice) {
      heading(group.title, 12);
      for (const entry of group.entries) {
        label(formatDay(entry.day));
        for (const field of entry.fields) {
          label(field.label, { size: 9.5, color: MUTED, indent: 14, gap: 0 });
          quote(field.text);
        }
      }
    }
  }

  // Page numbers, once every page exists.
  const { start, count } = doc.bufferedPageRange();
  for (let index = start; index < start + count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing in the margin must not start a new page
    doc.font("body").fontSize(8.5).fillColor(MUTED).text(`Page ${index + 1} of ${count}`, left, doc.page.height - 40, { width, align: "center" });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
