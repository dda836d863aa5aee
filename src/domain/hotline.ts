/** 12351 职工服务热线, the trade unions' national workers' hotline: shown wherever a worker may need a person. */
export const HOTLINE_NUMBER = '12351'
