/** Topology names are kebab or camel case; construct ids (and so logical ids) read better in PascalCase. */
export function pascal(name: string): string {
  return name.replace(/(?:^|[-_])(\w)/g, (_, letter: string) => letter.toUpperCase());
}
