import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { fieldProblems, problemMessage } from "../api/problem";
import { hasErrors, validate, type Errors, type Rules } from "../lib/validation";
import type { SummaryItem } from "./ErrorSummary";
import { useFocusAfterRender } from "./useFocusAfterRender";

/**
 * Form state with checks before sending: per-field messages (translated), an error summary that
 * takes focus, and the server's field errors mapped back onto fields (`serverPaths`).
 */
export function useForm<F extends string>(
  initial: Record<F, string>,
  rules: Rules<F>,
  options: { idPrefix?: string; serverPaths?: Partial<Record<string, F>>; crossCheck?: (values: Record<F, string>) => Errors<F> } = {},
) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<F, string>>(initial);
  const [errors, setErrors] = useState<Partial<Record<F, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const prefix = options.idPrefix ?? "f";
  const idOf = (name: F) => `${prefix}-${name}`;

  const focusSummary = useFocusAfterRender(summaryRef);

  function check(): boolean {
    let found = validate(values, rules);
    if (!hasErrors(found) && options.crossCheck) found = options.crossCheck(values);
    const messages: Partial<Record<F, string>> = {};
    for (const [field, problem] of Object.entries(found) as [F, { key: string; values?: Record<string, unknown> }][]) {
      messages[field] = t(problem.key, problem.values);
    }
    setErrors(messages);
    setFormError(null);
    if (hasErrors(messages)) focusSummary();
    return !hasErrors(messages);
  }

  function showServerError(error: unknown) {
    const byPath = fieldProblems(t, error);
    const messages: Partial<Record<F, string>> = {};
    for (const [path, message] of Object.entries(byPath)) {
      const field = options.serverPaths?.[path] ?? (path in values ? (path as F) : undefined);
      if (field) messages[field] = message;
    }
    setErrors(messages);
    setFormError(hasErrors(messages) ? null : problemMessage(t, error));
    focusSummary();
  }

  const summary: SummaryItem[] = [
    ...(formError ? [{ message: formError }] : []),
    ...(Object.entries(errors) as [F, string][]).map(([field, message]) => ({ fieldId: idOf(field), message })),
  ];

  function field(name: F) {
    return {
      id: idOf(name),
      value: values[name],
      error: errors[name],
      onChange: (value: string) => setValues((old) => ({ ...old, [name]: value })),
    };
  }

  return { values, setValues, field, check, showServerError, summary, summaryRef, idOf };
}
