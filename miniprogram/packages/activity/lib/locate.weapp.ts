import Taro from '@tarojs/taro';
import { roughly, type Point } from './nearby';

/**
 * WeChat: 模糊位置 (getFuzzyLocation, declared in app.config's requiredPrivateInfos with its 用途说明), asked
 * only when 离我最近 is tapped. Refusing rejects; the list then stays as it was.
 */
export async function locate(): Promise<Point> {
  const { latitude, longitude } = await Taro.getFuzzyLocation({ type: 'wgs84' });
  return roughly({ lat: latitude, lng: longitude });
}
