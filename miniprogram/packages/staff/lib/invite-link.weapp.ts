/** WeChat: the join page's path, as the share card carries it. */
export const linkBase = (): string => '';
