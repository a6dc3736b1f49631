import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button as AriaButton, Disclosure, DisclosurePanel, Heading } from "react-aria-components";
import { catalogueKey, useDeliveries, type Delivery } from "../../api/partners";
import { currentLanguage } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import { Button } from "../../ui/Button";
import { ErrorNotice, Loading } from "../../ui/Status";
import { AttemptList } from "./AttemptList";
import "./deliveries.css";

interface Props {
  organisationId: string;
  webhookId: string;
}

/** The webhook's deliveries, newest first (refreshed while any is waiting), a page at a time:
 * "Show older deliveries" adds the next page under the list and takes focus to the first of
 * them. Each opens onto every attempt made to deliver it. */
export function DeliveryLog({ organisationId, webhookId }: Props) {
  const { t } = useTranslation();
  const deliveries = useDeliveries(organisationId, webhookId);
  const list = useRef<HTMLOListElement>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const fetchingOlder = useRef(false);
  const items = deliveries.data?.pages.flatMap((page) => page.items) ?? [];

  // Once the older page is drawn, focus moves to its first delivery (the button disappears
  // on the last page, so focus cannot simply stay where it was).
  useEffect(() => {
    if (focusId === null) return;
    const item = Array.from(list.current?.children ?? []).find((li) => (li as HTMLElement).dataset.deliveryId === focusId);
    if (!item) return;
    item.querySelector<HTMLElement>(".delivery__toggle")?.focus();
    setFocusId(null);
  }, [focusId, items.length]);

  if (deliveries.isPending) return <Loading />;
  if (!deliveries.data) return <ErrorNotice error={deliveries.error} />;
  if (items.length === 0) return <p>{t("partners.hook.logEmpty")}</p>;

  const showOlder = async () => {
    if (fetchingOlder.current) return; // aria-disabled keeps the button focusable, and clickable
    fetchingOlder.current = true;
    const pages = deliveries.data.pages.length;
    try {
      const result = await deliveries.fetchNextPage();
      const first = result.data && result.data.pages.length > pages ? result.data.pages.at(-1)?.items[0] : undefined;
      if (first) setFocusId(first.id);
    } finally {
      fetchingOlder.current = false;
    }
  };

  return (
    <>
      <ol ref={list} className="delivery-log" data-testid="deliveries" aria-label={t("partners.hook.logCaption")}>
        {items.map((delivery) => (
          <DeliveryItem key={delivery.id} delivery={delivery} organisationId={organisationId} webhookId={webhookId} />
        ))}
      </ol>
      {deliveries.isError && <ErrorNotice error={deliveries.error} />}
      {deliveries.hasNextPage && (
        <p className="delivery-log__more">
          <Button variant="secondary" onClick={() => void showOlder()} aria-disabled={deliveries.isFetchingNextPage || undefined} data-testid="deliveries-older">
            {t("partners.hook.olderDeliveries")}
          </Button>
        </p>
      )}
    </>
  );
}

function DeliveryItem({ delivery, organisationId, webhookId }: Props & { delivery: Delivery }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [open, setOpen] = useState(false);
  const outcome =
    delivery.last_status_code !== null
      ? t("partners.hook.answered", { code: delivery.last_status_code })
      : delivery.last_error_kind
        ? t(`partners.hook.errorKind.${delivery.last_error_kind}`)
        : null;
  return (
    <li className="delivery" data-status={delivery.status} data-delivery-id={delivery.id}>
      <Disclosure isExpanded={open} onExpandedChange={setOpen}>
        <Heading level={3} className="delivery__heading">
          <AriaButton slot="trigger" className="delivery__toggle">
            <span className="delivery__chevron" aria-hidden="true" />
            <span>{t(`partners.event.${catalogueKey(delivery.kind)}`, { defaultValue: delivery.kind })}</span>
            <span className={`badge delivery__status delivery__status--${delivery.status}`}>{t(`partners.hook.statusValue.${delivery.status}`)}</span>
          </AriaButton>
        </Heading>
        <p className="delivery__summary">
          {t("partners.hook.attemptCount", { count: delivery.attempts })}
          {outcome && <> · {outcome}</>} · {formatDateTime(delivery.delivered_at ?? delivery.last_attempt_at ?? delivery.created_at, lang)}
          {delivery.next_attempt_at && delivery.attempts > 0 && (
            <>
              {" "}
              <span className="muted">({t("partners.hook.nextTry", { when: formatDateTime(delivery.next_attempt_at, lang) })})</span>
            </>
          )}
        </p>
        <DisclosurePanel className="delivery__panel">
          <p className="muted delivery__event">
            {t("partners.hook.eventId")} <code>{delivery.event_id}</code>
          </p>
          {open && <AttemptList organisationId={organisationId} webhookId={webhookId} deliveryId={delivery.id} attempts={delivery.attempts} />}
        </DisclosurePanel>
      </Disclosure>
    </li>
  );
}
