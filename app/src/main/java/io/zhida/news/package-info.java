/**
 * 资讯动态: the portal's news column — policy interpretations, work news and notices — written, published and withdrawn by
 * the policy authors; read by anyone on the portal, newest first.
 */
@org.springframework.modulith.ApplicationModule(displayName = "News (资讯动态)")
package io.zhida.news;
