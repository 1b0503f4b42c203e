import { roughly, type Point } from './nearby';

/**
 * H5: the browser's position without high accuracy (a network fix is enough, and a cached one up to ten
 * minutes old), rounded as on WeChat. Refusing, or a browser without geolocation, rejects.
 */
export function locate(
  geolocation: Geolocation | undefined = typeof navigator === 'undefined' ? undefined : navigator.geolocation,
): Promise<Point> {
  return new Promise((resolve, reject) => {
    if (!geolocation) {
      reject(new Error('geolocation unavailable'));
      return;
    }
    geolocation.getCurrentPosition(
      (position) => resolve(roughly({ lat: position.coords.latitude, lng: position.coords.longitude })),
      (error) => reject(error),
      { enableHighAccuracy: false, maximumAge: 600_000, timeout: 15_000 },
    );
  });
}
