/** A message as the forms write it: title, text and up to three files (MSG-01, MSG-02). */
export interface MessageDraft {
  title: string;
  body: string;
  files: File[];
}

/**
 * The request options for sending `draft`: JSON without files, `multipart/form-data` with them (the
 * browser sets the boundary). The generated type describes the form's fields; the body is the FormData.
 */
export function messageBody(draft: MessageDraft) {
  if (draft.files.length === 0) return { body: { title: draft.title, body: draft.body } };
  const form = new FormData();
  form.append("title", draft.title);
  form.append("body", draft.body);
  for (const file of draft.files) form.append("file", file, file.name);
  return {
    body: form as unknown as { title: string; body: string },
    bodySerializer: (body: unknown) => body as FormData,
  };
}
