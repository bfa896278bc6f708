import { notFound, redirect } from "next/navigation";
import { lessonPath } from "@/lib/content/quiz";
import { lessonStepPath } from "@/lib/routes";

export function generateStaticParams() {
  return lessonPath.map((lesson) => ({ slug: lesson.slug }));
}
export const dynamicParams = false;

/** A lesson's address opens its first step. */
export default async function LessonPage({ params }: PageProps<"/lessons/[slug]">) {
  const { slug } = await params;
  if (!lessonPath.some((lesson) => lesson.slug === slug)) notFound();
  redirect(lessonStepPath(slug, 1));
}
