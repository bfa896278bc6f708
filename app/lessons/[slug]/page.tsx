import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { PageHeading } from "@/components/ui/page-heading";
import { lessonPath } from "@/lib/content/quiz";

// Until the lessons are written, each lesson on the path has a page that says so honestly,
// so links from quiz results already land somewhere true.
export function generateStaticParams() {
  return lessonPath.map((lesson) => ({ slug: lesson.slug }));
}
export const dynamicParams = false;

export async function generateMetadata({ params }: PageProps<"/lessons/[slug]">): Promise<Metadata> {
  const { slug } = await params;
  const lesson = lessonPath.find((entry) => entry.slug === slug);
  return { title: lesson?.title ?? "Lesson" };
}

export default async function LessonPage({ params }: PageProps<"/lessons/[slug]">) {
  const { slug } = await params;
  const index = lessonPath.findIndex((entry) => entry.slug === slug);
  const lesson = lessonPath[index];
  if (!lesson) notFound();
  return (
    <Container className="py-12 sm:py-16">
      <PageHeading eyebrow={`Lesson ${index + 1} of ${lessonPath.length}`} title={lesson.title} />
      <Notice title="Being written" className="mt-10 max-w-reading">
        <p>
          This lesson isn’t ready yet. When it is, you’ll read it here one short step at a time, and your place will be
          kept.
        </p>
      </Notice>
      <div className="mt-8">
        <ButtonLink href="/lessons" variant="secondary">
          See the path of lessons
        </ButtonLink>
      </div>
    </Container>
  );
}
