/**
 * process.env entries a test sets (undefined removes one), put back as they were by
 * restore(): the Actions clients read their settings from process.env only.
 */
export class EnvOverrides {
  readonly #saved = new Map<string, string | undefined>();

  set(values: Record<string, string | undefined>): void {
    for (const [name, value] of Object.entries(values)) {
      if (!this.#saved.has(name)) this.#saved.set(name, process.env[name]);
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }

  restore(): void {
    for (const [name, value] of this.#saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    this.#saved.clear();
  }
}
