import { devIdentity } from './dev-identity';
import { taroKv } from './kv';

/** H5 on the local stack: the stable dev identity stands in for wx.login (stage local only). */
export async function loginCode(): Promise<string> {
  return devIdentity(taroKv);
}
