/** The one way a step shows a failed action: a Fluent MessageBar with the message and a dismiss button. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useT } from "./i18nContext";

export function ErrorBar(props: { error: string | null; onDismiss: () => void }) {
  const t = useT();
  if (!props.error) return null;
  return (
    <MessageBar intent="error">
      <MessageBarBody>
        <MessageBarTitle>{t("pane.error.title")}</MessageBarTitle>
        {props.error}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={props.onDismiss}>{t("pane.error.dismiss")}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
