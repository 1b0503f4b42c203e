import { remindersToOffer } from '../../miniprogram/packages/mine/lib/more-reminders';

/** 上课提醒 for a weekly term: how many more reminders a person would need their WeChat grants for. */
describe('remindersToOffer', () => {
  const now = Date.parse('2027-03-05T10:00:00+08:00');
  const classes = [
    { startsAt: '2027-03-02T09:00:00+08:00' },
    { startsAt: '2027-03-09T09:00:00+08:00' },
    { startsAt: '2027-03-16T09:00:00+08:00', cancelled: true },
    { startsAt: '2027-03-23T09:00:00+08:00' },
    { startsAt: '2027-03-30T09:00:00+08:00' },
  ];

  it('counts the classes still ahead, 停课 aside, less the grants already given', () => {
    expect(remindersToOffer(classes, now, 0)).toBe(3);
    expect(remindersToOffer(classes, now, 1)).toBe(2);
  });

  it('asks nothing once the grants cover every class ahead, or when the term is over', () => {
    expect(remindersToOffer(classes, now, 3)).toBe(0);
    expect(remindersToOffer(classes, now, 9)).toBe(0);
    expect(remindersToOffer(classes, Date.parse('2027-04-01T00:00:00+08:00'), 0)).toBe(0);
  });
});
