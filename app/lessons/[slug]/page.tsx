import { notFound, redirect } from "next/navigation";
import { lessons } from "@/lib/content/lessons";
import { lessonStepPath } from "@/lib/routes";

export function generateStaticParams() {
  return lessons().map((lesson) => ({ slug: lesson.slug }));
}
export const dynamicParams = false;

/** A lesson's address opens its first step. */
export default async function LessonPage({ params }: PageProps<"/lessons/[slug]">) {
  const { slug } = await params;
  if (!lessons().some((lesson) => lesson.slug === slug)) notFound();
  redirect(lessonStepPath(slug, 1));
}
