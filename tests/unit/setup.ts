import { afterEach } from "vitest";
import { cleanup, configure } from "@testing-library/react";

afterEach(() => cleanup());

// findBy… and waitFor give up after 3 s instead of 1: on a 2-core CI machine running the
// integration projects alongside, a component's effects have been seen to take longer than 1 s.
configure({ asyncUtilTimeout: 3000 });
