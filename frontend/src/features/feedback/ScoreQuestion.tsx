import { useTranslation } from "react-i18next";
import type { FeedbackQuestion } from "../../api/feedback";
import { RadioGroup } from "../../ui/Choice";

const SCORES = ["1", "2", "3", "4", "5"];

/** One question answered from 1 to 5; both ends say what they mean. */
export function ScoreQuestion({ question, value, onChange, error }: { question: FeedbackQuestion; value: string; onChange: (v: string) => void; error?: string }) {
  const { t } = useTranslation();
  const label = (score: string) =>
    score === "1" ? t("feedback.scale.low", { score }) : score === "5" ? t("feedback.scale.high", { score }) : score;
  return (
    <RadioGroup
      id={`feedback-${question}`}
      legend={t(`feedback.questions.${question}`)}
      hint={t("feedback.scale.hint")}
      error={error}
      value={value}
      onChange={onChange}
      options={SCORES.map((score) => ({ value: score, label: label(score) }))}
    />
  );
}
