import type { ActivityKind } from '@shared/schemas/activity';

const q = (params: Record<string, string | undefined>) => {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`);
  return parts.length ? `?${parts.join('&')}` : '';
};

/** Every page's path in one place (tab pages first, then the subpackages). */
export const routes = {
  home: '/pages/home/index',
  mine: '/pages/mine/index',
  majors: (p: { schoolId?: string; level?: string } = {}) => `/packages/catalog/pages/majors/index${q(p)}`,
  major: (id: string) => `/packages/catalog/pages/major/index${q({ id })}`,
  certificates: () => '/packages/catalog/pages/certificates/index',
  certificate: (id: string) => `/packages/catalog/pages/certificate/index${q({ id })}`,
  school: (id: string) => `/packages/catalog/pages/school/index${q({ id })}`,
  /** 学校: every school, by 区县 and 类型 (a home entry). */
  schools: '/packages/catalog/pages/schools/index',
  search: (text: string) => `/packages/catalog/pages/search/index${q({ q: text })}`,
  activities: (kind: ActivityKind) => `/packages/activity/pages/list/index${q({ kind })}`,
  activity: (id: string) => `/packages/activity/pages/detail/index${q({ id })}`,
  signupForm: (id: string) => `/packages/activity/pages/signup/index${q({ id })}`,
  groupSignup: (id: string) => `/packages/activity/pages/group/index${q({ id })}`,
  result: (key: string) => `/packages/activity/pages/result/index${q({ key })}`,
  /** 续报: signs the person of sign-up `id` up for the next term `next` on opening, then shows the result. */
  renew: (id: string, next: string) => `/packages/activity/pages/renew/index${q({ id, next })}`,
  privacy: '/packages/mine/pages/privacy/index',
  signup: (id: string) => `/packages/mine/pages/signup/index${q({ id })}`,
  completion: (code: string) => `/packages/mine/pages/completion/index${q({ code })}`,
  family: '/packages/mine/pages/family/index',
  account: '/packages/mine/pages/account/index',
  /** 加入学校; the invitation's QR code and share card open it with the code. */
  join: (code?: string) => `/packages/mine/pages/join/index${q({ code })}`,
  staff: '/packages/staff/pages/home/index',
  staffActivity: (id: string) => `/packages/staff/pages/activity/index${q({ id })}`,
  staffCheckIn: (id?: string) => `/packages/staff/pages/checkin/index${q({ id })}`,
  staffStats: '/packages/staff/pages/stats/index',
  staffPeople: '/packages/staff/pages/people/index',
  staffPublish: '/packages/staff/pages/publish/index',
  staffEdit: (id: string) => `/packages/staff/pages/publish/index${q({ id })}`,
};
