/** Storage key of an activity's cached detail: the form and the result page reuse the detail's copy. */
export const activityKey = (id: string) => `activity:${id}`;
