// The vendored page could not be read into rows; the message names the line and what was expected there.
export class PageParseError extends Error {}
