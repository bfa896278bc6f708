import { ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import { Notice } from "@/components/ui/notice";
import { TextLink } from "@/components/ui/text-link";

export default function HomePage() {
  return (
    <Container className="py-12 sm:py-20">
      <div className="max-w-reading">
        <header>
          <h1 className="text-3xl font-semibold tracking-tight sm:text-4xl">
            You want to be close to people, and something in you keeps pulling back.
          </h1>
          <p className="mt-5 text-lg text-muted">
            Drawbridge helps you understand that pull, gently, and learn at your own pace to let the right people in.
          </p>
        </header>

        <div className="mt-8 space-y-4">
          <p>
            The pulling away made sense once. Somewhere along the way, part of you learned that closeness was where
            things got hurt, and it put up walls to keep you safe. You don&rsquo;t have to tear those walls down, and
            nobody here will tell you that you&rsquo;re broken.
          </p>
          <p>
            Instead, you can look at them with some curiosity: notice which protective habits are busiest in you right
            now, understand where they came from, and practise loosening them in small, doable steps.
          </p>
        </div>

        <section aria-labelledby="doors-title" className="mt-14">
          <h2 id="doors-title" className="text-xl font-semibold sm:text-2xl">
            Two ways to begin
          </h2>
          <div className="mt-6 grid gap-5 md:grid-cols-2">
            <div className="flex flex-col rounded-2xl border border-line bg-surface p-6 sm:p-7">
              <h3 className="text-lg font-semibold">The patterns quiz</h3>
              <p className="mt-2 flex-1 text-muted">
                About ten minutes. See which of five protective strategies show up most in your life these days, and
                what helps each one ease.
              </p>
              <ButtonLink href="/quiz" className="mt-6 w-full sm:w-auto sm:self-start">
                Take the patterns quiz
              </ButtonLink>
            </div>
            <div className="flex flex-col rounded-2xl border border-line bg-surface p-6 sm:p-7">
              <h3 className="text-lg font-semibold">The lessons</h3>
              <p className="mt-2 flex-1 text-muted">
                Thirteen short, guided lessons on why closeness can feel risky and how, step by step, it can start to feel
                safer.
              </p>
              <ButtonLink href="/lessons" variant="secondary" className="mt-6 w-full sm:w-auto sm:self-start">
                Start the lessons
              </ButtonLink>
            </div>
          </div>
        </section>

        <Notice title="What you share here stays private" tone="highlight" className="mt-14">
          <p>
            You don&rsquo;t need an account or an email address. Your answers and anything you write are kept private,
            only so you can come back to them. No analytics, no trackers, and nothing is passed to advertisers or anyone
            else.
          </p>
          <p>
            <TextLink href="/privacy">Read how your data is handled</TextLink>
          </p>
        </Notice>
      </div>
    </Container>
  );
}
