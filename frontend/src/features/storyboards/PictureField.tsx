import { useState } from "react";
import { useTranslation } from "react-i18next";
import { problemMessage } from "../../api/problem";
import { PICTURE_TYPES, pictureProblem, useUploadPicture } from "../../api/storyboards";
import { Button } from "../../ui/Button";
import { FieldShell, TextField } from "../../ui/Field";
import { useStoryboardTarget } from "./target";

export interface Picture {
  id: string;
  url: string;
}

interface Props {
  /** Makes the field's ids unique on a page with several forms. */
  idPrefix: string;
  picture: Picture | null;
  alt: string;
  altError?: string;
  onPicture: (picture: Picture | null) => void;
  onAlt: (alt: string) => void;
}

/** Choose a picture (checked here, then uploaded and made safe by the server), see it, and
 * describe it: the description is required for a frame with a picture. */
export function PictureField({ idPrefix, picture, alt, altError, onPicture, onAlt }: Props) {
  const { t } = useTranslation();
  const upload = useUploadPicture(useStoryboardTarget());
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState("");
  const fileId = `${idPrefix}-picture`;

  function onFile(file: File | undefined) {
    setError(undefined);
    setStatus("");
    if (!file) return;
    const problem = pictureProblem(file);
    if (problem) return setError(t(problem === "type" ? "storyboards.picture.wrongType" : "storyboards.picture.tooBig"));
    setStatus(t("storyboards.picture.uploading"));
    upload.mutate(file, {
      onSuccess: (uploaded) => {
        onPicture({ id: uploaded.id, url: uploaded.url });
        setStatus(t("storyboards.picture.uploaded"));
      },
      onError: (err) => {
        setStatus("");
        setError(problemMessage(t, err));
      },
    });
  }

  return (
    <fieldset className="sb-picture">
      <legend>{t("storyboards.picture.label")}</legend>
      <FieldShell id={fileId} label={t("storyboards.picture.choose")} hint={t("storyboards.picture.hint")} error={error}>
        {(describedBy) => (
          <input
            id={fileId}
            name={fileId}
            type="file"
            className="input sb-picture__file"
            accept={PICTURE_TYPES.join(",")}
            aria-describedby={describedBy}
            aria-invalid={error ? true : undefined}
            disabled={upload.isPending}
            onChange={(e) => {
              onFile(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
        )}
      </FieldShell>
      <p role="status" className="muted sb-picture__status">
        {status}
      </p>
      {picture && (
        <>
          <img className="sb-picture__preview" src={picture.url} alt={alt} data-testid="picture-preview" />
          <TextField id={`${fileId}-alt`} label={t("storyboards.picture.alt")} hint={t("storyboards.picture.altHint")} error={altError} value={alt} onChange={onAlt} maxLength={300} required />
          <Button variant="quiet" onClick={() => onPicture(null)}>
            {t("storyboards.picture.remove")}
          </Button>
        </>
      )}
    </fieldset>
  );
}
