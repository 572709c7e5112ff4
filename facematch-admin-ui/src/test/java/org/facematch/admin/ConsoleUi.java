package org.facematch.admin;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.mock.MockService;
import com.github.mvysny.kaributesting.v10.mock.MockVaadinServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.function.DeploymentConfiguration;
import com.vaadin.flow.server.ServiceException;
import com.vaadin.flow.server.VaadinServletService;
import com.vaadin.flow.server.VaadinSession;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.facematch.admin.security.CurrentUser;
import org.facematch.kernel.entity.Caller;
import org.facematch.kernel.entity.Roles;
import org.facematch.kernel.entity.TenantId;

/**
 * A browserless console (Karibu-Testing) whose views get their collaborators from the test instead
 * of CDI, the way the container would inject them.
 */
public final class ConsoleUi {

  public static final Caller SUPPORT = Caller.console("sam-support", Roles.SUPPORT, null);
  public static final Caller DEMO_ADMIN =
      Caller.console("dana-admin", Roles.TENANT_ADMIN, new TenantId("demo"));

  private final Map<Class<?>, Supplier<?>> beans = new HashMap<>();

  public <T> ConsoleUi with(Class<T> type, Supplier<? extends T> bean) {
    beans.put(type, bean);
    return this;
  }

  public void start() {
    Routes routes = new Routes().autoDiscoverViews("org.facematch.admin");
    MockVaadin.setup(UI::new, new Servlet(routes, beans));
  }

  public static void stop() {
    MockVaadin.tearDown();
  }

  /** Signs a user in the way {@link CurrentUser} does: the user in the HTTP session. */
  public static void signIn(Caller user) {
    VaadinSession.getCurrent().getSession().setAttribute(Caller.class.getName(), user);
  }

  /** A {@link CurrentUser} that reads the session like the real one but needs no identity store. */
  public static CurrentUser currentUser() {
    return new CurrentUser();
  }

  private static final class Servlet extends MockVaadinServlet {
    private final transient Map<Class<?>, Supplier<?>> beans;

    Servlet(Routes routes, Map<Class<?>, Supplier<?>> beans) {
      super(routes);
      this.beans = beans;
    }

    @Override
    protected VaadinServletService createServletService(DeploymentConfiguration configuration)
        throws ServiceException {
      MockService service =
          new MockService(this, configuration, UI::new) {
            private Instantiator instantiator;

            @Override
            public Instantiator getInstantiator() {
              if (instantiator == null) {
                instantiator =
                    new DefaultInstantiator(this) {
                      @Override
                      public <T> T getOrCreate(Class<T> type) {
                        Supplier<?> bean = beans.get(type);
                        return bean != null ? type.cast(bean.get()) : super.getOrCreate(type);
                      }
                    };
              }
              return instantiator;
            }
          };
      service.init();
      getRoutes().register(service.getContext());
      return service;
    }
  }
}
