package org.facematch.admin.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import java.lang.System.Logger.Level;
import org.facematch.kernel.entity.FaceMatchException;

/** Shows the domain's problems as notifications; anything else is logged with a short notice. */
public class ProblemNotifications implements ErrorHandler {

  private static final System.Logger LOGGER =
      System.getLogger(ProblemNotifications.class.getName());

  @Override
  public void error(ErrorEvent event) {
    String message = message(event.getThrowable());
    UI ui = UI.getCurrent();
    if (ui != null) {
      ui.access(() -> show(message));
    }
  }

  public static void show(String message) {
    Notification notification = Notification.show(message, 6000, Notification.Position.TOP_CENTER);
    notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
  }

  public static String message(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof FaceMatchException problem) {
        return problem.detail();
      }
    }
    LOGGER.log(Level.ERROR, "Console error", failure);
    return "Something went wrong; the error is in the server log.";
  }
}
