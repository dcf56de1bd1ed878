package org.fr3workbench.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads a view's FXML by convention ({@code FooView.java} next to {@code FooView.fxml}) with its
 * controller from a map of factories filled by the composition root. A controller that is not
 * registered fails at once instead of being created reflectively with missing services.
 */
public final class FxmlLoaderFactory {

    private final Map<Class<?>, Supplier<?>> controllers;
    private final ResourceBundle strings;

    /**
     * @param controllers controller factories by class; read at each load, so the composition root may
     *                    register controllers that need this factory themselves after creating it
     * @param strings     the user-interface text
     */
    public FxmlLoaderFactory(Map<Class<?>, Supplier<?>> controllers, ResourceBundle strings) {
        this.controllers = java.util.Collections.unmodifiableMap(controllers);
        this.strings = strings;
    }

    /** Loads {@code ViewName.fxml} for the given controller class. */
    public Parent load(Class<?> viewClass) {
        String name = viewClass.getSimpleName() + ".fxml";
        URL location = viewClass.getResource(name);
        if (location == null) {
            throw new IllegalStateException("No FXML " + name + " next to " + viewClass.getName());
        }
        FXMLLoader loader = new FXMLLoader(location, strings);
        loader.setControllerFactory(this::controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + location, e);
        }
    }

    /** Loads {@code ViewName.fxml} with the given controller instance (views created per use, like dialogs). */
    public Parent load(Object controller) {
        Class<?> viewClass = controller.getClass();
        URL location = viewClass.getResource(viewClass.getSimpleName() + ".fxml");
        if (location == null) {
            throw new IllegalStateException("No FXML " + viewClass.getSimpleName() + ".fxml next to " + viewClass.getName());
        }
        FXMLLoader loader = new FXMLLoader(location, strings);
        loader.setControllerFactory(type -> type.isInstance(controller) ? controller : controller(type));
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + location, e);
        }
    }

    private Object controller(Class<?> type) {
        Supplier<?> factory = controllers.get(type);
        if (factory == null) {
            throw new IllegalStateException("No controller registered for " + type.getName()
                    + "; add it to the controller map in WorkbenchApplication");
        }
        return factory.get();
    }

    public ResourceBundle strings() {
        return strings;
    }
}
