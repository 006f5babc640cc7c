/** The questions rel may ask. Implemented with inquirer (prompt-inquirer.ts) and by scripted fakes in tests. */

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

export interface Prompter {
  select<T>(q: { message: string; choices: Choice<T>[] }): Promise<T>;
  /** Choose from a list filtered as the user types. */
  search<T>(q: { message: string; source: (term: string) => Choice<T>[] }): Promise<T>;
  input(q: { message: string; default?: string; validate?: (value: string) => true | string }): Promise<string>;
  confirm(q: { message: string; default?: boolean }): Promise<boolean>;
}
