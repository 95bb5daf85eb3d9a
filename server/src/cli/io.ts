// What a command writes to and the exit codes it returns: shared by main.ts and the commands it runs.

/** 2 also when not one of the files named could be checked. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export interface Io {
  stdout(s: string): void; stderr(s: string): void;
  /** Whether stderr is a terminal: only then is a progress line drawn. */
  tty?: boolean;
}
