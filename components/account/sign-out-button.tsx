import { Button } from "@/components/ui/button";
import { signOut } from "@/lib/actions/account";

/** A plain form, so signing out works without JavaScript too. */
export function SignOutButton() {
  return (
    <form action={signOut}>
      <Button type="submit" variant="secondary">
        Sign out
      </Button>
    </form>
  );
}
