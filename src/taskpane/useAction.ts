/**
 * The pane's one way to run a user action: busy while it runs, and any failure turned into a message
 * in the user's language (describeError) for the step's MessageBar — never swallowed.
 */
import { useCallback, useState } from "react";
import { describeError } from "./describeError";
import { useT } from "./i18nContext";

export interface Action {
  busy: boolean;
  error: string | null;
  dismissError(): void;
  /** Runs `work`; clears the previous error first. */
  act(work: () => Promise<void>): Promise<void>;
}

export function useAction(): Action {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const act = useCallback(
    async (work: () => Promise<void>) => {
      setBusy(true);
      setError(null);
      try {
        await work();
      } catch (e) {
        setError(describeError(e, t));
      } finally {
        setBusy(false);
      }
    },
    [t],
  );
  const dismissError = useCallback(() => setError(null), []);
  return { busy, error, dismissError, act };
}
