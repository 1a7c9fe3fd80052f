import type { ReporterTexts } from "../types";

/** The reporter's part of the tracking page, in English: loaded with the report view, not the form. */
export const reporter: ReporterTexts = {
  title: "For the reporter",
  intro:
    "With the secret you got when you reported, you can read the officers' questions, answer them and add photos. Officers never see your phone number or internet address.",
  secretLabel: "Reporter secret",
  secretHint: "For example: 7K3M-Q9TZ-4HX2-R8BC-D2FG-H5JK",
  open: "Open",
  loading: "Loading…",
  wrong: "This code and secret do not match. Check the secret.",
  limited: (s: number) => `Too many tries. Try again in ${s} seconds.`,
  failed: "Could not load. Check your signal and try again.",
  description: "Your report",
  threadTitle: "Conversation with officers",
  empty: "No questions from officers yet.",
  officer: "Officer",
  you: "You",
  replyLabel: "Your answer or more details",
  replyHint:
    "At most 1,000 characters. Do not write anything that could put you at risk if someone reads this phone.",
  send: "Send",
  sending: "Sending…",
  sent: "Sent.",
  tooLong: "At most 1,000 characters.",
  emptyReply: "Write a message first.",
  photosTitle: "Add photos",
  photosLeft: (n: number) =>
    n === 0 ? "5 photos already, the most allowed." : `You can add ${n} more photos.`,
  photoLabel: "Choose a photo",
  photoSending: "Sending the photo…",
  photoSent: "Photo sent. Officers see it once it has been checked.",
  photoFailed: "The photo was not sent. Check your signal and try again.",
  sayTitle: "Has your problem been dealt with?",
  sayYes: "Yes",
  sayNo: "Not yet",
  sayNoHint: "If not, the report is reopened and the officer is told (up to 14 days after it was resolved).",
  rating: "Rate the service (1 to 5 stars)",
  stars: (n: number) => `${n} stars`,
  comment: "Comment (optional)",
  saySend: "Send my answer",
  sayMissing: "Choose yes or not yet, and give 1 to 5 stars.",
  sayThanks: (satisfied: boolean, rating: number) =>
    `Thank you. You answered ${satisfied ? "yes" : "not yet"}, ${rating} out of 5.`,
  reopened: "The report was reopened and the officer has been told.",
  forget: "Remove the secret from this phone",
  forgotten: "The secret was removed from this phone.",
  contactTitle: "Your contact details",
  contactHeld: (days: number) =>
    `Your name, phone number, contact wishes and exact location are erased automatically ${days} days after the report is closed. You can erase them now; officers then cannot contact you any more.`,
  erase: "Erase my contact details",
  eraseConfirm:
    "Erase your name, phone number, contact wishes and exact location now? Officers will not be able to contact you. This cannot be undone.",
  contactErased: (when: string) => `Your contact details were erased (${when} WIB).`,
  contactNone: "This report is anonymous: we keep no contact details of yours.",
};
