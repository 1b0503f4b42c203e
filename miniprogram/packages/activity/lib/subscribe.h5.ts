/** H5 has no subscribe messages: nothing to ask. */
export function prepareReminders(): void {}
export async function askForReminders(): Promise<void> {}
