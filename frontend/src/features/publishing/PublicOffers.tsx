import { useTranslation } from "react-i18next";
import type { PublicOffer } from "./usePublicInitiatives";

/** Offers of help from other tables: which table offered which kinds of capital. */
export function PublicOffers({ offers, idPrefix }: { offers: PublicOffer[]; idPrefix: string }) {
  const { t } = useTranslation();
  const headingId = `${idPrefix}-offers`;
  const tableName = (offer: PublicOffer) => offer.from_table.name || t("publishing.public.table", { number: offer.from_table.number });
  return (
    <section aria-labelledby={headingId} className="public-part" data-testid="public-offers">
      <h4 id={headingId}>{t("publishing.public.offers")}</h4>
      {offers.length === 0 ? (
        <p className="muted">{t("publishing.public.noOffers")}</p>
      ) : (
        <ul className="public-list">
          {offers.map((offer, index) => (
            <li key={index}>
              {t("publishing.public.offerFrom", { table: tableName(offer), capitals: offer.capitals.map((c) => t(`capitals.${c}`)).join(", ") })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
