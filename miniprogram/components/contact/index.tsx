import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import SpButton from '../sp-button';
import './index.scss';

export const NO_CONTACT = '暂无公开联系方式';

export interface ContactProps {
  name: string;
  phone: string | null;
  address: string | null;
  /** As the catalog keeps it (GCJ-02, which WeChat's map opens). */
  location: { lat: number; lng: number } | null;
}

/** A school's or a place's contact: only what is public; 打开地图 only when a location is known. */
export default function Contact({ name, phone, address, location }: ContactProps) {
  if (!phone && !address && !location) {
    return <View className="sp-contact__none">{NO_CONTACT}</View>;
  }
  return (
    <View className="sp-contact">
      {phone ? (
        <View className="sp-contact__line">
          <View className="sp-contact__label">电话</View>
          <View className="sp-contact__value">{phone}</View>
          <SpButton variant="secondary" small onClick={() => void Taro.makePhoneCall({ phoneNumber: phone })}>
            拨打
          </SpButton>
        </View>
      ) : (
        <View className="sp-contact__line">
          <View className="sp-contact__label">电话</View>
          <View className="sp-contact__value sp-contact__muted">{NO_CONTACT}</View>
        </View>
      )}
      {address ? (
        <View className="sp-contact__line">
          <View className="sp-contact__label">地址</View>
          <View className="sp-contact__value">{address}</View>
        </View>
      ) : null}
      {location ? (
        <SpButton
          variant="secondary"
          block
          className="sp-contact__map"
          onClick={() =>
            void Taro.openLocation({
              latitude: location.lat,
              longitude: location.lng,
              name,
              address: address ?? '',
            })
          }
        >
          打开地图
        </SpButton>
      ) : null}
    </View>
  );
}
