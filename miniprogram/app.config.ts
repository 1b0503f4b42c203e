export default defineAppConfig({
  pages: ['pages/home/index', 'pages/mine/index'],
  subPackages: [
    {
      root: 'packages/catalog',
      pages: [
        'pages/majors/index',
        'pages/major/index',
        'pages/certificates/index',
        'pages/certificate/index',
        'pages/school/index',
        'pages/search/index',
        'pages/schools/index',
        'pages/compare/index',
      ],
    },
    {
      root: 'packages/activity',
      pages: [
        'pages/list/index',
        'pages/detail/index',
        'pages/signup/index',
        'pages/result/index',
        'pages/group/index',
        'pages/renew/index',
      ],
    },
    {
      root: 'packages/mine',
      pages: [
        'pages/privacy/index',
        'pages/signup/index',
        'pages/completion/index',
        'pages/family/index',
        'pages/join/index',
        'pages/account/index',
      ],
    },
    {
      root: 'packages/staff',
      pages: [
        'pages/home/index',
        'pages/activity/index',
        'pages/checkin/index',
        'pages/stats/index',
        'pages/publish/index',
        'pages/people/index',
        'pages/next-term/index',
        'pages/school-profile/index',
        'pages/majors/index',
        'pages/major-edit/index',
      ],
    },
  ],
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['packages/activity', 'packages/catalog'] },
    'pages/mine/index': { network: 'all', packages: ['packages/mine'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '四平职教通',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f4f6f5',
  },
  tabBar: {
    color: '#4a5452',
    selectedColor: '#0b6b50',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tab-home.png',
        selectedIconPath: 'assets/tab-home-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tab-mine.png',
        selectedIconPath: 'assets/tab-mine-active.png',
      },
    ],
  },
  // H5 only: pages appear at once instead of sliding in — no decorative motion (长辈模式 asks for none), and
  // no half-shown pages on a slow phone.
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  // 隐私保护指引: WeChat asks for agreement before the phone number is collected (base library ≥ 2.32.3).
  __usePrivacyCheck__: true,
  // 离我最近 on the activity lists asks for a rough position (模糊位置) only when tapped; WeChat requires the API
  // to be declared here and its purpose stated (≤ 30 characters), and the console's 隐私保护指引 to list it.
  requiredPrivateInfos: ['getFuzzyLocation'],
  permission: { 'scope.userFuzzyLocation': { desc: '按离您的远近排列附近的课程和活动' } },
  lazyCodeLoading: 'requiredComponents',
});
