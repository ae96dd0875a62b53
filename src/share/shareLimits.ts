/** The link format written today (`#s=<version>.<data>`); older versions keep decoding. */
export const LINK_FORMAT_VERSION = 1;
