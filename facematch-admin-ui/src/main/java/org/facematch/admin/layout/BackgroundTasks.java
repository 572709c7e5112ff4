package org.facematch.admin.layout;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.progressbar.ProgressBar;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.Function;

/**
 * Runs long console work (bulk deletes, exports) on the container's managed executor and reports
 * progress to the UI by polling, so the UI never blocks on it. No server push: polling works
 * through every proxy and needs no WebSocket setup.
 */
@ApplicationScoped
public class BackgroundTasks {

  private static final System.Logger LOGGER = System.getLogger(BackgroundTasks.class.getName());

  @Resource ManagedExecutorService managed;

  protected Executor executor() {
    return managed;
  }

  /**
   * Applies {@code step} to each item in the background, moving {@code progress} along, then runs
   * {@code done} in the UI with the number of items that failed.
   */
  public <T> void each(
      UI ui, List<T> items, ProgressBar progress, Consumer<T> step, Consumer<Integer> done) {
    progress.setMin(0);
    progress.setMax(Math.max(1, items.size()));
    progress.setValue(0);
    progress.setVisible(true);
    ui.setPollInterval(300);
    executor()
        .execute(
            () -> {
              int failed = 0;
              for (int i = 0; i < items.size(); i++) {
                try {
                  step.accept(items.get(i));
                } catch (RuntimeException e) {
                  failed++;
                  LOGGER.log(Level.WARNING, "Background step failed: " + e.getMessage());
                }
                int finished = i + 1;
                ui.access(() -> progress.setValue(finished));
              }
              int failures = failed;
              ui.access(
                  () -> {
                    ui.setPollInterval(-1);
                    progress.setVisible(false);
                    done.accept(failures);
                  });
            });
  }

  /**
   * Runs {@code work} in the background; it reports progress (0-1) through the consumer it gets.
   * Its result goes to {@code done} in the UI; a failure is shown as a notification.
   */
  public <T> void run(
      UI ui, ProgressBar progress, Function<DoubleConsumer, T> work, Consumer<T> done) {
    progress.setMin(0);
    progress.setMax(1);
    progress.setValue(0);
    progress.setVisible(true);
    ui.setPollInterval(300);
    executor()
        .execute(
            () -> {
              try {
                T result = work.apply(fraction -> ui.access(() -> progress.setValue(fraction)));
                ui.access(
                    () -> {
                      finish(ui, progress);
                      done.accept(result);
                    });
              } catch (RuntimeException e) {
                String message = ProblemNotifications.message(e);
                ui.access(
                    () -> {
                      finish(ui, progress);
                      ProblemNotifications.show(message);
                    });
              }
            });
  }

  private static void finish(UI ui, ProgressBar progress) {
    ui.setPollInterval(-1);
    progress.setVisible(false);
  }
}
