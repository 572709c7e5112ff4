package org.facematch.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads and discards what is left of a request body once the answer is decided. A refusal (a bad
 * token, a quota, a media type) is answered without reading the body, and over HTTP/2 the web
 * server then grants the client no more flow-control window: the JDK's client, which upgrades to
 * h2c by default, waits for it until the idle timeout closes the connection, 30 s later. Reading
 * the rest grants that window; JAX-RS closes the stream when it refuses a body it began to read, so
 * it is kept open until then. A body announced beyond {@link #LIMIT_BYTES} is not worth reading: an
 * HTTP/1.1 connection is closed after the answer instead.
 */
@WebFilter(
    urlPatterns = "/*",
    dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class UnreadBodies extends HttpFilter {

  static final long LIMIT_BYTES = 4L * StrictJsonBodies.MAX_BODY_BYTES;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    ErrorAware answer = new ErrorAware(response);
    try {
      chain.doFilter(new KeptOpen(request), answer);
    } finally {
      // After sendError the container writes the error page, in an ERROR dispatch that passes here.
      if (!answer.sentError) {
        discardRest(request, response);
      }
    }
  }

  /**
   * Sends the answer first, so a client that waits for it before sending more (or never sends the
   * body it announced) has it at once, then reads what is left.
   */
  static void discardRest(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    long declared = request.getContentLengthLong();
    if (declared == 0 || "GET".equals(request.getMethod())) {
      return;
    }
    if (declared > LIMIT_BYTES) {
      closeAfterAnswer(request, response);
      return;
    }
    try {
      response.flushBuffer();
    } catch (IOException gone) {
      return;
    }
    readRest(request);
  }

  /** Reads what is left, up to {@link #LIMIT_BYTES}; the server closes a connection with more. */
  private static void readRest(HttpServletRequest request) {
    byte[] buffer = new byte[16 * 1024];
    long read = 0;
    try {
      InputStream in = request.getInputStream();
      for (int n; read <= LIMIT_BYTES && (n = in.read(buffer)) >= 0; ) {
        read += n;
      }
    } catch (IOException | IllegalStateException gone) {
      // The client went away, or the body was taken as a reader; either way nothing is left to do.
    }
  }

  /** The response, noting whether the container is to write an error page for it. */
  private static final class ErrorAware extends HttpServletResponseWrapper {

    private boolean sentError;

    ErrorAware(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void sendError(int status, String message) throws IOException {
      sentError = true;
      super.sendError(status, message);
    }

    @Override
    public void sendError(int status) throws IOException {
      sentError = true;
      super.sendError(status);
    }
  }

  /** The request, whose body stream cannot be closed by those who read it. */
  private static final class KeptOpen extends HttpServletRequestWrapper {

    private ServletInputStream body;

    KeptOpen(HttpServletRequest request) {
      super(request);
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (body == null) {
        ServletInputStream in = super.getInputStream();
        body =
            new ServletInputStream() {
              @Override
              public int read() throws IOException {
                return in.read();
              }

              @Override
              public int read(byte[] b, int off, int len) throws IOException {
                return in.read(b, off, len);
              }

              @Override
              public int available() throws IOException {
                return in.available();
              }

              @Override
              public boolean isFinished() {
                return in.isFinished();
              }

              @Override
              public boolean isReady() {
                return in.isReady();
              }

              @Override
              public void setReadListener(ReadListener listener) {
                in.setReadListener(listener);
              }

              @Override
              public void close() {}
            };
      }
      return body;
    }
  }

  private static void closeAfterAnswer(HttpServletRequest request, HttpServletResponse response) {
    if ("HTTP/1.1".equals(request.getProtocol()) && !response.isCommitted()) {
      response.setHeader("Connection", "close");
    }
  }
}
