/** The web has no share sheet of WeChat's: nothing to offer here (the page's address is the link). */
export default function SharePathway() {
  return null;
}
