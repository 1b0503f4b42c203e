/** H5 has no subscribe messages: nothing to ask. */
export async function prepareReminders(): Promise<number> {
  return 0;
}
export async function askForReminders(): Promise<void> {}
