/** A labelled JSONL file imported as its text (see labelled-set.ts). */
declare module '*.jsonl?raw' {
  const text: string;
  export default text;
}
