"use client";

import { ErrorMessage } from "@/components/site/error-message";
import { Button, ButtonLink } from "@/components/ui/button";
import { Container } from "@/components/ui/container";

// Never renders error.message or a stack: the server's log has them, keyed by error.digest.
export default function ErrorPage({ retry }: { error: unknown; retry: () => void }) {
  return (
    <Container className="py-12 sm:py-16">
      <title>Something went wrong · Drawbridge</title>
      <ErrorMessage
        actions={
          <>
            <Button onClick={() => retry()}>Try again</Button>
            <ButtonLink href="/" variant="secondary">
              Go to the home page
            </ButtonLink>
          </>
        }
      />
    </Container>
  );
}
