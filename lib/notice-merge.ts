/**
 * A case's changes made within this many minutes of its last push to the complainant wait and go out
 * together as one push at its end (LINE bills each push: a clerk who accepts, asks and updates within a
 * few minutes sends one message, not three). The first news of a quiet case goes at once.
 */
export const MERGE_MINUTES = 10;
