package app.booksflow.server.web;

import io.javalin.config.RoutesConfig;

/** The routes of one feature. */
public interface RouteGroup {

    void register(RoutesConfig routes);
}
