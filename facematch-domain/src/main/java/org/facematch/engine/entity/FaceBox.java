package org.facematch.engine.entity;

/** A face's bounding box in image pixels of the upright image. */
public record FaceBox(double x, double y, double width, double height) {

  public double area() {
    return width * height;
  }

  public double centerX() {
    return x + width / 2;
  }

  public double centerY() {
    return y + height / 2;
  }
}
