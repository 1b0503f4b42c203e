/** The one call of npm `miniprogram-compiler` we use (it ships no types). */
declare module 'miniprogram-compiler' {
  /** Runs WeChat's `wcc` over every .wxml and .wxs under `root`; throws with wcc's message on a refusal. */
  export function wxmlToJs(root: string, options?: { maxBuffer?: number; cut?: boolean }): string;
}
