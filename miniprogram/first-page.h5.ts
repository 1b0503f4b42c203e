// H5: the home page's code ships with the app's own, so the first screen waits for no second request.
// (The router still imports it by path; webpack answers that from the code already loaded.)
import './pages/home/index';
