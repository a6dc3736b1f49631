import { useEffect, useRef } from "react";
import { CopyButton } from "../../ui/CopyButton";
import { Button } from "../../ui/Button";

interface Props {
  heading: string;
  lead: string;
  secret: string;
  copyLabel: string;
  doneLabel: string;
  onDone: () => void;
  testId: string;
}

/** A secret shown this once: focused and announced when it appears, with a copy button. */
export function OnceSecret({ heading, lead, secret, copyLabel, doneLabel, onDone, testId }: Props) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), [secret]);
  return (
    <section ref={ref} className="card once-secret" tabIndex={-1} aria-labelledby={`${testId}-heading`} role="region">
      <h2 id={`${testId}-heading`}>{heading}</h2>
      <p>{lead}</p>
      <p className="secret" data-testid={testId}>
        {secret}
      </p>
      <div className="actions">
        <CopyButton text={secret} label={copyLabel} />
        <Button variant="secondary" onClick={onDone}>
          {doneLabel}
        </Button>
      </div>
    </section>
  );
}
