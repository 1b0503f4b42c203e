/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.scss';
declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    /** NODE_ENV is set by Taro's CLI: development or production. */
    NODE_ENV: 'development' | 'production' | 'test';
    /** The platform Taro builds for. */
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'harmony' | 'rn';
    /** The API's base URL; empty picks the platform default (see miniprogram/services/request.ts). */
    TARO_APP_API_BASE?: string;
    TARO_APP_ID?: string;
  }
}
